/**
 * Unattended schedules: Quartz triggers of the routes that start with {@code quartz:ferry/<name>}, their
 * policy (overlap, misfire, pause after failures), the history of their runs and the schedules API.
 */
package dev.ferry.scheduling;
