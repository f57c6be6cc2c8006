/** Wiring: Axon, JSON, clock. */
package org.casetimeline.api.config;
