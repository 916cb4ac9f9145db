/**
 * The append-only audit log: every sign-in, change and read of personal data, recorded from
 * the {@link org.waymark.shared.Auditable} events the other modules publish, with to whom for a
 * disclosure. It never changes an entry, deletes entries only at the end of the log's retention
 * period, and calls no other module to write one; reading the log is itself logged (a record read
 * twice in one request, once). Its pages read user and agency names through identity, and name
 * other records through the {@link org.waymark.audit.RecordNames} their own modules provide.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
package org.waymark.audit;
