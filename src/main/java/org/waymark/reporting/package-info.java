/**
 * Reporting: an operation's results in figures, exactly, for those entitled to them; built
 * from the counts each module gives, never from personal details.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "documents", "identity", "operation", "flight",
        "engagement", "safeguarding", "referral" })
package org.waymark.reporting;
