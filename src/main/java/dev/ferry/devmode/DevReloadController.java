package dev.ferry.devmode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/dev/reload}: the last change dev mode saw and what became of it (REVIEWER or ADMIN). */
@RestController
@ConditionalOnProperty(name = "ferry.dev", havingValue = "true")
class DevReloadController {

    private final DevMode devMode;

    DevReloadController(DevMode devMode) {
        this.devMode = devMode;
    }

    @GetMapping("/api/dev/reload")
    ReloadResult last() {
        return devMode.last();
    }
}
