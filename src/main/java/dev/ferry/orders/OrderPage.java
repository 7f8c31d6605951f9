package dev.ferry.orders;

import java.util.List;

public record OrderPage(List<OrderView> items, int page, int size, long totalItems, long totalPages) {
}
