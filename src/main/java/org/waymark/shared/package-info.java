/**
 * Small value types every module may use: typed identifiers, codes, the {@link Auditable}
 * contract of events that the audit log records, the exceptions that mean "not found" or
 * "not allowed by the rules", the mark of a controller of pages, and the time the demo data
 * is written at ({@link DemoTime}). No beans and no behaviour beyond validation.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.waymark.shared;
