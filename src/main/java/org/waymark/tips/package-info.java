/**
 * Information from the public: a report anyone can make without signing in, protected from
 * abuse without any third party, and kept with its contact details only when given.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.waymark.tips;
