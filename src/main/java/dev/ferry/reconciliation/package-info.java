/**
 * Nightly reconciliation: a day's ERP sales orders compared with the accounting system's invoices, each
 * mismatch (no invoice, an amount or currency that differs) raised in the inbox as a {@code RECONCILIATION}
 * item. The route {@code routes/nightly-reconciliation.yaml} reads both systems through their Kamelets; the
 * comparison and its words are here.
 */
package dev.ferry.reconciliation;
