1 /* outer /* inner */ still outer */
