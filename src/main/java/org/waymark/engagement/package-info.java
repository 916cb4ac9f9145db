/**
 * Passenger engagement tallies: how many passengers officers spoke to, on which flight or at
 * which place, in which languages, and how many leaflets they gave. Counts only, never
 * personal data; each submission counts once however often it is sent.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "operation", "flight" })
package org.waymark.engagement;
