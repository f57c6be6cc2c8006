/** The demo data set built from the seed documents. */
package org.casetimeline.api.demo;
