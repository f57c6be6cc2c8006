/** What one transaction did, kept beside it until it commits. */
package org.casetimeline.projections.transaction;
