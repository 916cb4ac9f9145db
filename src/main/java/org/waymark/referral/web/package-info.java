/**
 * The referral pages: the check's referrals and the consent step, the referral with its package
 * section by section (to copy, print or download), the forms that edit each section, the
 * submission and decisions, the partner's additions to the account, and the coordinator's list.
 */
package org.waymark.referral.web;
