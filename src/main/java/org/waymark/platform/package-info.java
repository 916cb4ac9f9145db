/**
 * What every page and endpoint shares: security (sign-in, bearer tokens, headers), the page
 * layout's model, error pages and problem JSON, the clock and the start-up notice. It holds no
 * domain rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
package org.waymark.platform;
