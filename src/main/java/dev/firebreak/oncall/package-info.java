/**
 * Who is on call: people's time zones and contact methods, teams and the services they own,
 * schedules (rotation layers, restrictions, overrides, swaps) rendered to a final timeline of
 * {@link dev.firebreak.oncall.OnCallShift}s, and iCalendar feeds of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "On-call")
package dev.firebreak.oncall;
