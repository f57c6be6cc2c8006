/**
 * The persisted contract: one record per event, flat, never renamed or moved, since Axon stores the class
 * name. A change of shape is a new {@code @Revision} with an upcaster, never an edit.
 */
package org.casetimeline.core.event;
