/** What the write side must remember besides events: the answers to idempotent requests. */
package org.casetimeline.projections.recording;
