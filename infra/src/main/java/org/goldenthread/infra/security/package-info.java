/** Who may see and do what: sign-in, throttling, memberships, the access rule of every endpoint, browser safety. */
package org.goldenthread.infra.security;
