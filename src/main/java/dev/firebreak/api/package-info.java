/** The REST API under /api: thin controllers over the features' public services, errors as problem+json. */
@org.springframework.modulith.ApplicationModule(displayName = "REST API")
package dev.firebreak.api;
