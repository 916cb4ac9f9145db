/**
 * Retention and disposal: the periods each class of record is kept, holds on records under
 * review, the daily schedule that masks and then deletes what is due (and the hourly one for
 * passenger data, whose clock counts in hours), and the disposal register.
 * It owns no one else's records: each owning module masks and deletes its own when asked.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "safeguarding",
        "referral", "tips", "engagement", "audit", "passengerdata", "screening" })
package org.waymark.retention;
