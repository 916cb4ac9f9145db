/**
 * Documents: PDFs from the Thymeleaf templates under templates/pdf/, tagged for screen readers
 * with their fonts embedded, and QR codes, for the modules that print (referral packages,
 * reports, subject access exports, posters and cards) or show a code to scan (the
 * authenticator app's set-up). The modules gather the model; no markup is built in Java.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.waymark.documents;
