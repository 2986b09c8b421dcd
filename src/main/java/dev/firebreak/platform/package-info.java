/**
 * Shared infrastructure every feature may use: configuration, the clock, security (accounts and API
 * tokens), problem+json errors and storage. An open module: its subpackages are part of its API.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.firebreak.platform;

import org.springframework.modulith.ApplicationModule;
