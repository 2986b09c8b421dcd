/**
 * The REST API's thin entry points: they translate HTTP to calls on the feature modules' public
 * services and back, and hold no logic of their own.
 */
package dev.firebreak.api;
