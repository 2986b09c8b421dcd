/**
 * Demo mode ({@code firebreak --demo}): seed runbooks, a demo on-call team and a stream of sample
 * alerts through the real intake path, so a new user sees incidents within a minute.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package dev.firebreak.demo;
