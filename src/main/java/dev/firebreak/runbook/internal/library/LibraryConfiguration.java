package dev.firebreak.runbook.internal.library;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The library's periodic work (search refresh, git polling) runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LibraryConfiguration {}
