/**
 * Subject access: an administrator finds every record about a named person through the owning
 * modules' search APIs, chooses those really about them, and exports them in one PDF with the
 * audit trail of each, the search and each disclosure logged. It owns no table of its own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "documents", "identity", "operation", "flight", "safeguarding",
        "referral", "tips", "audit", "retention" })
package org.waymark.subjectaccess;
