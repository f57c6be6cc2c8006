/** Each person's status and compliance findings, rebuilt from the events, live and as of any date. */
package org.casetimeline.projections.status;
