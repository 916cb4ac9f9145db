/**
 * NRM referrals and Duty to Notify reports prepared from an enhanced check: the consent step
 * that decides the path, the package in the Home Office form's order (PDF, print view and plain
 * text per section), the submission by a first responder, and the decisions that follow.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "documents", "identity", "operation",
        "safeguarding", "audit" })
package org.waymark.referral;
