/** Tamper evidence: a hash chain per aggregate over the stored events, checkpoints, and their verification. */
package org.casetimeline.projections.audit;
