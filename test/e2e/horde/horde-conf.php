<?php
/**
 * Prints an application's conf.php as Horde's own configuration screen
 * would write it with every setting at its conf.xml default (Horde_Config).
 * Usage (as root, with a provisional horde conf.php in place):
 *   php horde-conf.php <app>
 */
require_once '/usr/share/horde/lib/Application.php';
Horde_Registry::appInit('horde', array('authentication' => 'none', 'cli' => true));
$config = new Horde_Config($argv[1]);
echo $config->generatePHPConfig(new Horde_Variables(array()));
