/**
 * Information from the public: a report anyone can make without signing in, protected from
 * abuse without any third party, kept with its contact details only when given, and triaged by
 * officers and coordinators.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "operation", "audit" })
package org.waymark.tips;
