package dev.ferry.orders;

public enum OrderStatus {
    ACCEPTED, IN_PROGRESS, COMPLETED, FLAGGED, DISCARDED
}
