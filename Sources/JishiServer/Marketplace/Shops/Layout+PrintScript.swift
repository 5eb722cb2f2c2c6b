import Crypto
import Foundation

extension Layout {
    /// The packing list's print button: hidden in the page (a browser without script prints
    /// from its menu, as the hint says), shown by this script, which prints when it is pressed.
    static let printScript = """
        (function(){var b=document.getElementById("print");if(!b)return;b.hidden=false;
        b.addEventListener("click",function(){window.print();});})();
        """

    /// The script's hash for the Content-Security-Policy header.
    static let printScriptHash = "sha256-" + Data(SHA256.hash(data: Data(printScript.utf8))).base64EncodedString()
}
