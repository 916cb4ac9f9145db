/**
 * Information from the public: a report anyone can make without signing in, protected from
 * abuse without any third party, kept with its contact details only when given, and triaged by
 * officers and coordinators. The report form speaks the languages of the passengers' help (awareness).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "operation", "audit", "awareness" })
package org.waymark.tips;
