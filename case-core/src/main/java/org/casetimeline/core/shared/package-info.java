/** Value objects shared by every part of the domain: identifiers, partial dates, sources, places. */
package org.casetimeline.core.shared;
