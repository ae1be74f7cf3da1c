/**
 * Broken business rules as exceptions with a stable code and arguments, shared by every module and
 * free of HTTP: the web layer maps them to problem details (API) and to form errors or error pages.
 */
package com.switchboard.rules;
