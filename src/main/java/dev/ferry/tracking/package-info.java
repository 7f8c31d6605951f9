/**
 * Carrier tracking: the scheduled sync ({@code routes/tracking-sync.yaml}) that reads each consignment's status
 * from the Nordic Freight portal and tells the CRM about the ones that changed since Ferry last told it.
 */
package dev.ferry.tracking;
