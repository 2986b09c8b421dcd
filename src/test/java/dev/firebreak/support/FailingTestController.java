package dev.firebreak.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint that fails, to prove 500s carry no stack trace. */
@RestController
class FailingTestController {
    @GetMapping("/api/v1/test-only/boom")
    String boom() {
        throw new IllegalStateException("internal detail that must not leak");
    }
}
