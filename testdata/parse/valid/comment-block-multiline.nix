/*
 * multi
 * line
 */
1
