/**
 * Passenger data: airline API (PAXLST) and PNR (PNRGOV) messages taken in and kept as received,
 * parsed with an EDIFACT library, applied to each flight in the order the airline sent them,
 * seen only by those with a legal gateway and a stated purpose, and masked and deleted on time.
 * It decides nothing about anyone: screening is another module's work.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "operation", "flight", "audit" })
package org.waymark.passengerdata;
