/**
 * The dashboard: server-rendered pages for case workers and campaigners (overview, case page with its timeline
 * drawn as SVG, flags, facilities, and a form to record a fact). Every page reads through the same query and
 * evaluation beans as the JSON API and writes through the same translator and recorder, so a page never shows
 * or stores anything the API would not; sign-in is a form over the same users, roles and clearances.
 */
package org.casetimeline.api.dashboard;
