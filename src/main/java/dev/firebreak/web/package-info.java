/** The server-rendered UI (Thymeleaf + htmx): thin controllers over the features' public services. */
@org.springframework.modulith.ApplicationModule(displayName = "Web UI")
package dev.firebreak.web;
