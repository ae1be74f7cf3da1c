/**
 * Reading the CSV files that administrators upload to import things in bulk, as spreadsheets write them
 * (delimiter, encoding, byte order mark and header detected), the problems of such a file, and the CSV files
 * the portal hands back. The device import and the user import both build on it.
 */
package com.switchboard.importing;
