/**
 * Cross-cutting pieces of the published language: the categories and perspectives of the method,
 * sealed (encrypted) personal text, the port to the personal-data vault, and the three kinds of
 * refusal every adapter maps the same way (400 invalid input, 404 unknown reference, 409 rule of the
 * method broken).
 */
package org.goldenthread.kernel;
