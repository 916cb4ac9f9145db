/**
 * Enhanced checks: the person (as little as the outcome needs) and their category, trafficking
 * indicators with their basis, advice and support given, partner support requests (whom they
 * called, the partner's answer or decline) and the outcome, with facts kept apart from officers'
 * assessments. It decides who may see a check and logs every read; referrals built from a check
 * live in {@code referral}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "operation", "flight", "audit" })
package org.waymark.safeguarding;
