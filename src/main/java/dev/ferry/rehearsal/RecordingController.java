package dev.ferry.rehearsal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/orders/{orderId}/recording}: the order as {@code ferry route-test} and {@code ferry replay
 * --dry-run} need it. Reviewers and admins only (SecurityConfig): it carries the whole payload of any source.
 */
@RestController
class RecordingController {

    private final Recorder recorder;

    RecordingController(Recorder recorder) {
        this.recorder = recorder;
    }

    @GetMapping("/api/orders/{orderId}/recording")
    Recording recording(@PathVariable String orderId) {
        try {
            return recorder.record(orderId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "There is no order with id " + orderId + "."));
        } catch (Recorder.NotRecordable notYet) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, notYet.getMessage());
        }
    }
}
