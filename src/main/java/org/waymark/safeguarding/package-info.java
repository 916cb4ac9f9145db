/**
 * Enhanced checks: the person (as little as the outcome needs), trafficking indicators with
 * their basis, advice and support given, partner support requests and the outcome. It decides
 * who may see a check and logs every read; referrals built from a check live in {@code referral}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "operation", "flight" })
package org.waymark.safeguarding;
