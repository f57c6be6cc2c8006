/** Alerts when a finding opens or escalates: an outbox written with the projection. */
package org.casetimeline.projections.alerts;
