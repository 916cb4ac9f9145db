/**
 * Awareness: plain help for passengers in their own language, on their phone, with no sign-in,
 * no cookies, no tracking and nothing fetched from elsewhere.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "documents", "identity", "operation",
        "platform" })
package org.waymark.awareness;
