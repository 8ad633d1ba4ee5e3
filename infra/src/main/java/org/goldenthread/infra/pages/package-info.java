/**
 * Pages for people in a browser: sign-in, programmes, the card call, the room view and voting. A page is a shell
 * rendered here; everything it shows and does goes through the JSON API with the browser's session, so a page reads
 * only what its user may read and does nothing the API does not.
 */
package org.goldenthread.infra.pages;
