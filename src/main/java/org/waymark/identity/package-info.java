/**
 * Agencies (their type and First Responder status), staff user accounts, roles, sign-in
 * attempts and lock-out, web sessions, API tokens and the accounts nobody uses. Knows who a
 * user is and what they may do in general; it does not know about operations or cases.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "documents" })
package org.waymark.identity;
