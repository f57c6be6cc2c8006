/** Auditors: verification of the hash chains over the stored events, and the command-line verifier. */
package org.casetimeline.api.audit;
